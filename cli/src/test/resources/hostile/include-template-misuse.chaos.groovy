// a template of stdlib:demo given a number for its fault, reported in the template with the line that called it | expect: stdlib:demo:50:9: inject needs a fault such as kill('guardian'), not 5; write it as: inject kill('guardian') (called from src/test/resources/hostile/include-template-misuse.chaos.groovy:4:1) (included from src/test/resources/hostile/include-template-misuse.chaos.groovy:2)
include 'stdlib:demo'
demoExperiment()
failsClosed 'guardianCrash', inject: 5, expect: failClosed, within: 1.s
