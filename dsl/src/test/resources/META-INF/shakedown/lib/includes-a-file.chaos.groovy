// A library on the test classpath that wrongly includes a file by path.
include 'testkit.chaos.groovy'
