// an include inside a scenario block | expect: 4:5: include stands on its own at the top level of a script, outside any block, method or closure
include 'stdlib:demo'
scenario 'a' {
    include 'includes/templates.chaos.groovy'
    recover
}
