// a syntax error inside an included file, reported there and nothing else | expect: includes/stray-paren.chaos.groovy:2:19: Unexpected input: ')' (included from src/test/resources/hostile/include-syntax-error-inside.chaos.groovy:3)
include 'stdlib:demo'
include 'includes/stray-paren.chaos.groovy'
demoExperiment()
crash 'guardian'
