// a misspelt library on the classpath | expect: 2:9: there is no library 'stdlib:dmeo' on the classpath, did you mean 'stdlib:demo'?
include 'stdlib:dmeo'
demoExperiment()
