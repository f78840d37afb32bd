// included by ../include-cycle.chaos.groovy, which it includes back
include '../include-cycle.chaos.groovy'
