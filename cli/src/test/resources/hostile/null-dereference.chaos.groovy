// a method called on null | expect: 3:1: Cannot invoke method explode() on null object
def x = null
x.explode()
