// @GrabResolver would add a download repository | expect: 2:1: @GrabResolver is not supported: scripts do not download libraries;
@GrabResolver(name = 'evil', root = 'http://example.invalid/')
import java.util.List
def sut = demoSystem()
condition 'healthy', { http.get("${sut.gateway}/health").status == 200 }
condition 'failClosed', every: 10.ms, { http.get("${sut.gateway}/api/orders").status == 503 }
scenario 'a' {
    inject kill('guardian')
    recover
}
