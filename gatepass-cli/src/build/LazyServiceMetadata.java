import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import jdk.internal.org.objectweb.asm.ClassReader;
import jdk.internal.org.objectweb.asm.ClassVisitor;
import jdk.internal.org.objectweb.asm.FieldVisitor;
import jdk.internal.org.objectweb.asm.MethodVisitor;
import jdk.internal.org.objectweb.asm.Opcodes;

/**
 * Build step (gatepass-cli/pom.xml, package phase): in the command line's merged jar, replaces the AWS SDK's
 * {@code software.amazon.awssdk.regions.GeneratedServiceMetadataProvider} with one that creates a service's metadata
 * when it is first asked for, instead of all of them at once.
 *
 * <p>Every SDK client build resolves its signing region through {@code ServiceMetadata.of(endpointPrefix)}; the SDK's
 * provider answers from a map it fills, in its static initialiser, with one instance of each of the ~310 generated
 * {@code XxxServiceMetadata} classes, whose own initialisers build their region lists and endpoint tables: about a
 * sixth of a command-line call's CPU, for the one service the call uses (docs/benchmarks.md, sixth pass). The
 * replacement answers every endpoint prefix with the same metadata class the SDK's map holds (read from the SDK's own
 * class file, so it follows the SDK's version), one instance per prefix for the process's life as before, and
 * {@code null} for a prefix the map lacks. The server's {@code gatepass.jar} and {@code lib/} are untouched.
 * Runs as a single-file program with the JDK's own ASM and compiler:
 * java --add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED LazyServiceMetadata.java JAR
 */
public final class LazyServiceMetadata {
    static final String PROVIDER = "software/amazon/awssdk/regions/GeneratedServiceMetadataProvider";
    /** The replacement's cache field: its presence says the class is this step's output already. */
    static final String CREATED = "CREATED";

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        // the zip file system rewrites the jar with this one entry replaced, every other entry as it was
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path provider = zip.getPath(PROVIDER + ".class");
            Map<String, String> services = services(Files.readAllBytes(provider));
            if (services.isEmpty()) {
                System.out.println("LazyServiceMetadata: " + jar.getFileName() + ": already rewritten, left alone");
                return;
            }
            Files.write(provider, compile(source(services), jar));
            System.out.println("LazyServiceMetadata: " + jar.getFileName() + ": " + services.size()
                    + " services' metadata created on first use");
        }
    }

    /**
     * The endpoint prefix → metadata class pairs of the SDK's static initialiser, in its order: each {@code put} is
     * {@code ldc "prefix"; new Class; dup; invokespecial Class.<init>()}. Empty when the class holds no such
     * initialiser (this step's own output); anything else unexpected fails the build rather than guess.
     */
    static Map<String, String> services(byte[] provider) {
        Map<String, String> services = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean[] rewritten = {false};
        new ClassReader(provider).accept(new ClassVisitor(Opcodes.ASM8) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                rewritten[0] |= name.equals(CREATED);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!name.equals("<clinit>")) return null;
                return new MethodVisitor(Opcodes.ASM8) {
                    private String prefix;

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (prefix != null || !(value instanceof String)) problems.add("ldc " + value);
                        prefix = (String) value;
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode != Opcodes.NEW || prefix == null) {
                            problems.add(opcode + " " + type);
                        } else if (services.put(prefix, type.replace('/', '.')) != null) {
                            problems.add("prefix twice: " + prefix);
                        }
                        prefix = null;
                    }
                };
            }
        }, 0);
        if (rewritten[0]) return Map.of();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(PROVIDER + " is not shaped as expected: " + problems);
        }
        return services;
    }

    static String source(Map<String, String> services) {
        StringBuilder s = new StringBuilder();
        s.append("package software.amazon.awssdk.regions;\n\n")
         .append("/** The SDK's provider rewritten by gatepass's build (gatepass-cli/src/build/"
                 + "LazyServiceMetadata.java): the same metadata per prefix, created on first use. */\n")
         .append("public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {\n")
         .append("    private static final java.util.concurrent.ConcurrentHashMap<String, ServiceMetadata> ")
         .append(CREATED).append(" =\n")
         .append("            new java.util.concurrent.ConcurrentHashMap<>();\n\n")
         .append("    @Override\n")
         .append("    public ServiceMetadata serviceMetadata(String endpointPrefix) {\n")
         .append("        if (endpointPrefix == null) return null;\n")
         .append("        ServiceMetadata metadata = " + CREATED + ".get(endpointPrefix);\n")
         .append("        if (metadata != null) return metadata;\n")
         .append("        metadata = create(endpointPrefix);\n")
         .append("        if (metadata == null) return null;\n")
         .append("        ServiceMetadata first = " + CREATED + ".putIfAbsent(endpointPrefix, metadata);\n")
         .append("        return first != null ? first : metadata;\n")
         .append("    }\n\n")
         .append("    private static ServiceMetadata create(String endpointPrefix) {\n")
         .append("        switch (endpointPrefix) {\n");
        services.forEach((prefix, type) -> s.append("            case \"").append(prefix).append("\": return new ")
                .append(type).append("();\n"));
        s.append("            default: return null;\n")
         .append("        }\n")
         .append("    }\n")
         .append("}\n");
        return s.toString();
    }

    /** Compiles the replacement against the jar (the SDK's classes) for the SDK's own target, Java 8. */
    static byte[] compile(String source, Path jar) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream classFile = new ByteArrayOutputStream();
        JavaFileObject input = new SimpleJavaFileObject(URI.create("string:///" + PROVIDER + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classFile;
                    }
                };
            }
        };
        boolean ok = javac.getTask(null, files, null,
                List.of("--release", "8", "-g:none", "-Xlint:-options", "-classpath", jar.toString()), null,
                List.of(input)).call();
        files.close();
        if (!ok || classFile.size() == 0) throw new IllegalStateException("the replacement did not compile");
        return classFile.toByteArray();
    }
}
