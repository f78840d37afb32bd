// an expression cut off after an operator | expect: 6:1: the script ends in the middle of a statement: is a brace, parenthesis
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
def x = 3 *
