// an include whose path is built at run time | expect: 3:9: include needs a literal path in quotes ('lib/common.chaos.groovy'), not a text with ${...}: the file is found when the script compiles, before any variable has a value
def lib = 'templates'
include "includes/${lib}.chaos.groovy"
demoExperiment()
