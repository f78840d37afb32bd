// named arguments without a comma between them | expect: 3:1: 'condition' is a word, but here it is read as a value (a minus or a
def sut = demoSystem()
condition 'healthy' every: 10.ms, { true }
