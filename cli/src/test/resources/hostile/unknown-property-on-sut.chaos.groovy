// a property the demo system does not have | expect: 3:13: DemoSystem has no property 'gatewy'
def sut = demoSystem()
def x = sut.gatewy.size()
