// an include of a variable | expect: 3:9: include needs a literal path in quotes ('lib/common.chaos.groovy'), not a variable: the file is found when the script compiles
def lib = 'includes/templates.chaos.groovy'
include lib
demoExperiment()
