// include of a misspelt file next to the right one | expect: 2:9: cannot include 'includes/templtes.chaos.groovy': there is no file src/test/resources/hostile/includes/templtes.chaos.groovy, did you mean 'includes/templates.chaos.groovy'?
include 'includes/templtes.chaos.groovy'
demoExperiment()
