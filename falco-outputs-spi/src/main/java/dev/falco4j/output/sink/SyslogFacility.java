package dev.falco4j.output.sink;

import dev.falco4j.output.SinkConfigException;
import java.util.Locale;

/** Syslog facilities (RFC 5424 section 6.2.1) by their usual names; Falco logs as {@code user}. */
enum SyslogFacility {
  KERN(0), USER(1), MAIL(2), DAEMON(3), AUTH(4), SYSLOG(5), LPR(6), NEWS(7), UUCP(8), CRON(9),
  AUTHPRIV(10), FTP(11), LOCAL0(16), LOCAL1(17), LOCAL2(18), LOCAL3(19), LOCAL4(20), LOCAL5(21),
  LOCAL6(22), LOCAL7(23);

  final int code;

  SyslogFacility(int code) {
    this.code = code;
  }

  static SyslogFacility parse(String keyPath, String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SinkConfigException(
          keyPath + ": unknown syslog facility '" + text + "' (user, daemon, local0..local7, ...)");
    }
  }
}
