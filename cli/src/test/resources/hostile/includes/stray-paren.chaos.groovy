// a library with a stray parenthesis, for ../include-syntax-error-inside.chaos.groovy
monitor every: 1.s)
