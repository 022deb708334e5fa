package dev.falco4j.output.sink;

import dev.falco4j.output.SinkConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS context of the http sink from Falco's PEM-file options: {@code ca_cert} / {@code
 * ca_bundle} (files of CA certificates), {@code ca_path} (a directory of them), {@code client_cert}
 * and {@code client_key} (mutual TLS; the key in PKCS#8 {@code BEGIN PRIVATE KEY} or PKCS#1 {@code
 * BEGIN RSA PRIVATE KEY} form) and {@code insecure} (no server verification at all).
 */
final class PemTls {
  private PemTls() {}

  /** Null when the JDK defaults are right (no option given). */
  static SSLContext build(
      String keyPath,
      List<Path> caFiles,
      Path caDir,
      Path clientCert,
      Path clientKey,
      boolean insecure) {
    if (caFiles.isEmpty() && caDir == null && clientCert == null && !insecure) {
      return null;
    }
    try {
      TrustManager[] trust = null;
      if (insecure) {
        trust = new TrustManager[] {new TrustEverything()};
      } else if (!caFiles.isEmpty() || caDir != null) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        List<Path> files = new ArrayList<>(caFiles);
        if (caDir != null) {
          try (DirectoryStream<Path> dir = Files.newDirectoryStream(caDir)) {
            for (Path p : dir) {
              String n = p.getFileName().toString();
              if (Files.isRegularFile(p) && (n.endsWith(".pem") || n.endsWith(".crt"))) {
                files.add(p);
              }
            }
          }
        }
        int i = 0;
        for (Path file : files) {
          for (Certificate c : readCertificates(keyPath, file)) {
            store.setCertificateEntry("ca-" + i++, c);
          }
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        trust = tmf.getTrustManagers();
      }
      KeyManagerFactory kmf = null;
      if (clientCert != null) {
        if (clientKey == null) {
          throw new SinkConfigException(keyPath + ".client_key: required with client_cert");
        }
        Collection<? extends Certificate> chain = readCertificates(keyPath, clientCert);
        PrivateKey key = readPrivateKey(keyPath, clientKey, (X509Certificate) chain.iterator().next());
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        char[] none = new char[0];
        ks.setKeyEntry("client", key, none, chain.toArray(new Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, none);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf == null ? null : kmf.getKeyManagers(), trust, null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new SinkConfigException(keyPath + ": TLS setup failed: " + e.getMessage(), e);
    }
  }

  private static Collection<? extends Certificate> readCertificates(String keyPath, Path file)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new SinkConfigException(keyPath + ": no certificate in " + file);
      }
      return certs;
    } catch (GeneralSecurityException e) {
      throw new SinkConfigException(keyPath + ": bad certificate file " + file + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey readPrivateKey(String keyPath, Path file, X509Certificate cert)
      throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    String algorithm = cert.getPublicKey().getAlgorithm();
    byte[] der;
    if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
      der = base64Between(pem, "PRIVATE KEY");
    } else if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
      der = wrapPkcs1Rsa(base64Between(pem, "RSA PRIVATE KEY"));
      algorithm = "RSA";
    } else {
      throw new SinkConfigException(
          keyPath + ".client_key: " + file + " is not an unencrypted PKCS#8 or RSA PEM key;"
              + " convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem");
    }
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static byte[] base64Between(String pem, String label) {
    int start = pem.indexOf("-----BEGIN " + label + "-----") + label.length() + 16;
    int end = pem.indexOf("-----END " + label + "-----", start);
    return Base64.getMimeDecoder().decode(pem.substring(start, end));
  }

  /** PKCS#1 RSAPrivateKey wrapped into PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, key). */
  private static byte[] wrapPkcs1Rsa(byte[] pkcs1) {
    byte[] algId = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
      0x01, 0x05, 0x00
    };
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octet = derWrap((byte) 0x04, pkcs1);
    byte[] inner = new byte[version.length + algId.length + octet.length];
    System.arraycopy(version, 0, inner, 0, version.length);
    System.arraycopy(algId, 0, inner, version.length, algId.length);
    System.arraycopy(octet, 0, inner, version.length + algId.length, octet.length);
    return derWrap((byte) 0x30, inner);
  }

  private static byte[] derWrap(byte tag, byte[] content) {
    int n = content.length;
    byte[] len;
    if (n < 0x80) {
      len = new byte[] {(byte) n};
    } else if (n < 0x100) {
      len = new byte[] {(byte) 0x81, (byte) n};
    } else if (n < 0x10000) {
      len = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    } else {
      len = new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }
    byte[] out = new byte[1 + len.length + n];
    out[0] = tag;
    System.arraycopy(len, 0, out, 1, len.length);
    System.arraycopy(content, 0, out, 1 + len.length, n);
    return out;
  }

  /** {@code insecure: true}: accepts any server certificate, as curl's {@code -k}. */
  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

}
