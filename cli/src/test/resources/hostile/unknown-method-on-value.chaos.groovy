// a method a value does not have | expect: 3:21: String has no method explode()
def sut = demoSystem()
def x = sut.gateway.explode()
