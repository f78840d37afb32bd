// a misspelt fault inside an included file, reported there | expect: includes/typo.chaos.groovy:4:16: unknown fault 'kil', did you mean 'kill'? (included from src/test/resources/hostile/include-error-inside.chaos.groovy:3)
include 'stdlib:demo'
include 'includes/typo.chaos.groovy'
demoExperiment()
crash 'guardian'
