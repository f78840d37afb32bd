// a script that declares no scenario | expect: the experiment has no scenario; add one: scenario 'name' { inject
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
