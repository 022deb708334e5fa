package dev.falco4j.examples.rules;

import java.util.Map;

/**
 * One behaviour the default rules must catch (or, with a null rule, must stay quiet about): the
 * shell script that performs it for real, the rule expected to fire exactly once for the script's
 * process tree, and output fields that alert must carry. Paths, ports and the container id are
 * fixed so that a recorded trace replays to the same field values.
 *
 * <p>Placeholders in scripts: {@code $T} the directory of fake program names ({@link
 * TestPrograms}), {@code $CG} the cgroup directories that make a process a "container" (moving
 * {@code $$} into them).
 */
enum RuleCase {
  SHELL_IN_CONTAINER("Shell Started In Container",
      "$CG exec sh -c 'exit 0'",
      Map.of("proc.name", "sh", "container.id", TestPrograms.CONTAINER_ID.substring(0, 12))),
  SERVER_SPAWNS_CHILD("Server Spawned Unexpected Child",
      "exec $T/nginx",
      Map.of("proc.name", "ls", "proc.pname", "nginx")),
  SENSITIVE_FILE_READ("Sensitive File Read By Untrusted Program",
      "cat /etc/shadow > /dev/null",
      Map.of("proc.name", "cat", "fd.name", "/etc/shadow")),
  FILE_CREATED_UNDER_DEV("Non-Device File Created Under Dev",
      "touch /dev/f4j-rules-test; rm -f /dev/f4j-rules-test",
      Map.of("proc.name", "touch", "fd.name", "/dev/f4j-rules-test")),
  STANDARD_UTILITY_CONNECTS("Standard Utility Made Outbound Connection",
      "exec $T/cat -c 'exec 3<>/dev/tcp/127.0.0.1/" + TestPrograms.LISTENER_PORT + "'",
      Map.of("proc.name", "cat", "fd.rport", String.valueOf(TestPrograms.LISTENER_PORT))),
  WRITE_BELOW_BINARY_DIR("Write Below Binary Directory",
      "touch /usr/local/bin/f4j-rules-test; rm -f /usr/local/bin/f4j-rules-test",
      Map.of("proc.name", "touch", "fd.name", "/usr/local/bin/f4j-rules-test")),
  WRITE_BELOW_ETC("Write Below Etc",
      "touch /etc/f4j-rules-test; rm -f /etc/f4j-rules-test",
      Map.of("proc.name", "touch", "fd.name", "/etc/f4j-rules-test")),
  LOG_TRUNCATED("Log File Truncated",
      "echo x >> /var/log/f4j-rules-test.log; : > /var/log/f4j-rules-test.log; rm -f /var/log/f4j-rules-test.log",
      Map.of("proc.name", "sh", "fd.name", "/var/log/f4j-rules-test.log")),
  SETUID_BIT_SET("Setuid Or Setgid Bit Set",
      "touch $T/suid-file; chmod u+s $T/suid-file; rm -f $T/suid-file",
      Map.of("proc.name", "chmod")),
  STDIN_DUPED_TO_SOCKET("Standard Stream Redirected To Network Socket",
      "exec bash -c 'exec 0<>/dev/tcp/127.0.0.1/" + TestPrograms.LISTENER_PORT + "'",
      Map.of("proc.name", "bash", "fd.num", "0")),
  PROC_ENVIRON_READ("Process Memory Or Environment Read",
      "sleep 30 & cat /proc/$!/environ > /dev/null; kill $!",
      Map.of("proc.name", "cat")),
  PROC_MEM_READ("Process Memory Or Environment Read",
      "sleep 30 & dd if=/proc/$!/mem of=/dev/null bs=1 count=0 2> /dev/null; kill $!",
      Map.of("proc.name", "dd")),
  MINING_POOL_PORT("Connection To Mining Pool Port",
      "exec $T/xmrig -c 'exec 3<>/dev/tcp/127.0.0.1/" + TestPrograms.MINING_PORT + "'",
      Map.of("proc.name", "xmrig", "fd.rport", String.valueOf(TestPrograms.MINING_PORT))),
  NETCAT_EXEC("Netcat Remote Code Execution",
      "exec $T/nc -e /bin/sh 127.0.0.1 9",
      Map.of("proc.cmdline", "nc -e /bin/sh 127.0.0.1 9")),
  SEARCH_FOR_KEYS("Search For Private Keys Or Passwords",
      "find $T -name id_rsa",
      Map.of("proc.cmdline", "find " + TestPrograms.DIR + " -name id_rsa")),
  SHELL_HISTORY_DELETED("Shell History Deleted",
      "touch $T/.bash_history; rm -f $T/.bash_history",
      Map.of("proc.name", "rm")),
  PACKAGE_MANAGER_IN_CONTAINER("Package Manager Run In Container",
      "$CG exec $T/apt-get install nothing",
      Map.of("proc.name", "apt-get", "container.id", TestPrograms.CONTAINER_ID.substring(0, 12))),
  FILELESS_EXECUTION("Program Executed From Memory File",
      "exec perl -e 'my $fd = syscall(319, my $n = \"f4j\", 0); die \"memfd: $!\" if $fd < 0;"
          + " open(my $src, \"<:raw\", \"/bin/true\") or die; open(my $dst, \">&=\", $fd) or die;"
          + " local $/; my $data = <$src>; syswrite($dst, $data) == length($data) or die \"write: $!\";"
          + " exec {\"/proc/self/fd/$fd\"} \"f4j-memfd\" or die \"exec: $!\"'",
      Map.of()),
  USER_MANAGEMENT_IN_CONTAINER("User Management In Container",
      "$CG exec $T/useradd f4j-nobody",
      Map.of("proc.cmdline", "useradd f4j-nobody", "container.id", TestPrograms.CONTAINER_ID.substring(0, 12))),
  MOUNT_IN_CONTAINER("Mount Inside Container",
      "mkdir -p $T/mnt; $CG exec unshare -m perl -e 'my ($s, $t, $f) = (\"none\", \"$T/mnt\", \"tmpfs\");"
          + " syscall(165, $s, $t, $f, 0, 0) == 0 or die \"mount: $!\"'",
      Map.of("proc.name", "perl", "evt.arg.dir", TestPrograms.DIR + "/mnt", "evt.arg.type", "tmpfs",
          "container.id", TestPrograms.CONTAINER_ID.substring(0, 12))),
  NON_ROOT_SESSION_BECOMES_ROOT("Privilege Raised To Root By Non-Root Process",
      "echo 65534 > /proc/self/loginuid; exec setpriv --reuid=65534 --regid=65534 --clear-groups"
          + " --inh-caps=+setuid --ambient-caps=+setuid perl -e 'syscall(105, 0) == 0 or die \"setuid: $!\"'",
      Map.of("proc.name", "perl", "user.loginuid", "65534", "user.uid", "0", "evt.type", "setuid")),

  // Benign look-alikes: nothing may fire for their process tree.
  TRUSTED_PROGRAM_READS_SHADOW(null, "$T/sshd /etc/shadow > /dev/null", Map.of()),
  DEVICE_NODES_OPENED(null, "echo x > /dev/null; head -c 1 /dev/zero > /dev/null; : < /dev/urandom", Map.of()),
  SHELL_ON_HOST(null, "sh -c 'bash -c true'", Map.of()),
  LS_WITHOUT_NETWORK(null, "ls / > /dev/null", Map.of()),
  READS_OWN_ENVIRONMENT(null, "cat /proc/self/environ > /dev/null", Map.of()),
  SUPER_SERVER_HANDS_SOCKET_TO_STDIN(null,
      "exec $T/xinetd -c 'exec 0<>/dev/tcp/127.0.0.1/" + TestPrograms.LISTENER_PORT + "'", Map.of());

  final String rule;
  final String script;
  final Map<String, String> fields;

  RuleCase(String rule, String script, Map<String, String> fields) {
    this.rule = rule;
    this.script = script;
    this.fields = fields;
  }

  /** The file name of this case's recorded trace under the test resources. */
  String traceName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".scap.gz";
  }

  /** The script with its placeholders filled in. */
  String expandedScript() {
    return script.replace("$CG", TestPrograms.enterContainerCommand()).replace("$T", TestPrograms.DIR);
  }
}
