// a function that calls itself without end | expect: 2:12: the script calls itself without end (stack overflow)
def f(n) { f(n + 1) }
f(0)
