package io.gatepass.cli.internal.aws.config;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;

/**
 * The SDK's {@link UrlConnectionHttpClient} with the CLI's connect and read timeouts (0 = wait for ever), TLS trust
 * and the proxies the environment names.
 * It opens connections through its own factory so that TLS is set up only when a request actually uses HTTPS, and
 * warns on stderr for each unverified HTTPS request as aws does.
 */
final class HttpTransport {

    private HttpTransport() {
    }

    static SdkHttpClient create(Duration connectTimeout, Duration readTimeout, TlsTrust trust,
                                EnvironmentProxies proxies, PrintStream err) {
        return UrlConnectionHttpClient.create(opener(connectTimeout, readTimeout, trust, proxies, err)::open);
    }

    /** Opens the connections of one call; the SDK's client and the direct JSON calls open them the same way. */
    static ConnectionOpener opener(Duration connectTimeout, Duration readTimeout, TlsTrust trust,
                                   EnvironmentProxies proxies, PrintStream err) {
        int connectMillis = Math.toIntExact(connectTimeout.toMillis());
        int readMillis = Math.toIntExact(readTimeout.toMillis());
        return uri -> open(uri, connectMillis, readMillis, trust, proxies, err);
    }

    private static HttpURLConnection open(URI uri, int connectMillis, int readMillis, TlsTrust trust,
                                          EnvironmentProxies proxies, PrintStream err) {
        try {
            Proxy proxy = proxies.proxyFor(uri);
            HttpURLConnection connection = (HttpURLConnection) (proxy == null ? uri.toURL().openConnection()
                    : uri.toURL().openConnection(proxy));
            connection.setConnectTimeout(connectMillis);
            connection.setReadTimeout(readMillis);
            if (connection instanceof HttpsURLConnection https) {
                SSLSocketFactory factory = trust.socketFactory();
                if (factory != null) {
                    https.setSSLSocketFactory(factory);
                }
                if (!trust.verify()) {
                    https.setHostnameVerifier((host, session) -> true);
                    err.println("InsecureRequestWarning: Unverified HTTPS request is being made to host '"
                            + uri.getHost() + "'. Adding certificate verification is strongly advised.");
                }
            }
            return connection;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
