// an endless do/while in a closure called while building | expect: 3: the script did not finish building its plan within
def c = {
    do { } while (true)
}
c()
