package dev.falco4j.probe.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The compiled probe object and the shim library: taken from the paths named by the system
 * properties {@value #OBJECT_PROPERTY} / {@value #LIBRARY_PROPERTY} when set, otherwise extracted
 * from the jar ({@value #RESOURCE_DIR}) into a fresh directory only the current user can read,
 * deleted again by {@link #close()}.
 */
public final class NativeArtifacts implements AutoCloseable {

  /** Where the jar carries the native files. */
  public static final String RESOURCE_DIR = "dev/falco4j/probe/native/linux-x86_64/";
  /** The eBPF object. */
  public static final String PROBE_OBJECT = "falco4j_probe.bpf.o";
  /** The loader shim. */
  public static final String SHIM_LIBRARY = "libfalco4j_shim.so";
  /** Written instead of the native files by a build without clang/libbpf: the reason. */
  public static final String UNAVAILABLE_NOTE = "native-unavailable.txt";
  /** Overrides the probe object's path. */
  public static final String OBJECT_PROPERTY = "falco4j.probe.object";
  /** Overrides the shim library's path. */
  public static final String LIBRARY_PROPERTY = "falco4j.probe.library";

  private final Path probeObject;
  private final Path shimLibrary;
  private final Path extractedTo;

  private NativeArtifacts(Path probeObject, Path shimLibrary, Path extractedTo) {
    this.probeObject = probeObject;
    this.shimLibrary = shimLibrary;
    this.extractedTo = extractedTo;
  }

  /**
   * Why the native files are not available, or null when they are (packaged or overridden). Does not
   * extract anything.
   */
  public static String unavailableReason() {
    String obj = System.getProperty(OBJECT_PROPERTY);
    String lib = System.getProperty(LIBRARY_PROPERTY);
    if (obj != null && !Files.isReadable(Path.of(obj))) {
      return "-D" + OBJECT_PROPERTY + "=" + obj + " is not a readable file";
    }
    if (lib != null && !Files.isReadable(Path.of(lib))) {
      return "-D" + LIBRARY_PROPERTY + "=" + lib + " is not a readable file";
    }
    ClassLoader loader = NativeArtifacts.class.getClassLoader();
    boolean objPackaged = obj != null || loader.getResource(RESOURCE_DIR + PROBE_OBJECT) != null;
    boolean libPackaged = lib != null || loader.getResource(RESOURCE_DIR + SHIM_LIBRARY) != null;
    if (objPackaged && libPackaged) {
      return null;
    }
    try (InputStream note = loader.getResourceAsStream(RESOURCE_DIR + UNAVAILABLE_NOTE)) {
      if (note != null) {
        return new String(note.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      // fall through to the generic reason
    }
    return "the jar carries no eBPF probe for linux-x86_64 ("
        + RESOURCE_DIR
        + " is missing); rebuild on a machine with clang, bpftool and libbpf-dev";
  }

  /** Locates (or extracts) the probe object and the shim. */
  public static NativeArtifacts obtain() throws IOException {
    String reason = unavailableReason();
    if (reason != null) {
      throw new IOException(reason);
    }
    String obj = System.getProperty(OBJECT_PROPERTY);
    String lib = System.getProperty(LIBRARY_PROPERTY);
    if (obj != null && lib != null) {
      return new NativeArtifacts(Path.of(obj).toAbsolutePath(), Path.of(lib).toAbsolutePath(), null);
    }
    Path dir =
        Files.createTempDirectory(
            "falco4j-probe-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      Path objPath = obj != null ? Path.of(obj).toAbsolutePath() : copy(PROBE_OBJECT, dir);
      Path libPath = lib != null ? Path.of(lib).toAbsolutePath() : copy(SHIM_LIBRARY, dir);
      return new NativeArtifacts(objPath, libPath, dir);
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
  }

  private static Path copy(String name, Path dir) throws IOException {
    try (InputStream in =
        NativeArtifacts.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IOException("resource " + RESOURCE_DIR + name + " vanished from the class path");
      }
      Path target = dir.resolve(name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The eBPF object file. */
  public Path probeObject() {
    return probeObject;
  }

  /** The shim shared library. */
  public Path shimLibrary() {
    return shimLibrary;
  }

  /** The private directory the files were extracted to, or null when both were overridden. */
  public Path extractedTo() {
    return extractedTo;
  }

  /** Deletes the extracted copies (a loaded library stays mapped; Linux keeps the inode). */
  @Override
  public void close() throws IOException {
    deleteTree(extractedTo);
  }
}
