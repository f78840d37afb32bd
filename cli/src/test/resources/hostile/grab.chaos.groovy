// @Grab would download a library while compiling | expect: 2:1: @Grab is not supported: scripts do not download libraries; put the
@Grab('org.apache.commons:commons-lang3:3.12.0')
import org.apache.commons.lang3.StringUtils
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
