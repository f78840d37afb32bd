// a schedule for a scenario that does not exist | expect: 9:1: schedule names no scenario 'nope'
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
schedule 'nope', cron: '0 0 3 * * ?'
