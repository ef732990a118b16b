import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import jdk.internal.org.objectweb.asm.ClassReader;
import jdk.internal.org.objectweb.asm.ClassVisitor;
import jdk.internal.org.objectweb.asm.ClassWriter;
import jdk.internal.org.objectweb.asm.Opcodes;

/**
 * Build step (gatepass-cli/pom.xml, package phase): rewrites the pre-Java-6 class files (major version below 50) of
 * the given jars as Java 8 class files with stack map frames, in place. JDK 17's class-data sharing refuses such old
 * classes ("Pre JDK 6 class not supported by CDS"), so without this every start loads and verifies them with the old
 * inference verifier (picocli's ~170 classes). Only the version and the frames change; the bytecode stays as it is.
 * Jars without old classes, and signed jars, are left alone. Runs as a single-file program with the JDK's own copy of
 * ASM: java --add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED UpgradeClassFiles.java DIR-OR-JAR...
 */
public final class UpgradeClassFiles {
    private static final int JAVA_6 = 50;

    public static void main(String[] args) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
                }
            } else {
                jars.add(p);
            }
        }
        // frames need the common super class of two types, which may live in any of the jars
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) urls[i] = jars.get(i).toUri().toURL();
        URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        for (Path jar : jars) {
            int n = upgrade(jar, loader);
            if (n > 0) System.out.println("UpgradeClassFiles: " + jar.getFileName() + ": " + n + " classes upgraded to Java 8 class files");
        }
    }

    private static int major(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0xCA && (b[1] & 0xff) == 0xFE ? ((b[6] & 0xff) << 8) | (b[7] & 0xff) : -1;
    }

    static int upgrade(Path jar, ClassLoader loader) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            boolean old = false;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String name = e.getName().toUpperCase();
                if (name.startsWith("META-INF/") && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC"))) {
                    return 0; // signed: a rewritten class would break the signature
                }
                if (!old && e.getName().endsWith(".class")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        byte[] head = in.readNBytes(8);
                        old = head.length == 8 && (head[0] & 0xff) == 0xCA && (((head[6] & 0xff) << 8) | (head[7] & 0xff)) < JAVA_6;
                    }
                }
            }
            if (!old) return 0;
            Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
            int count = 0;
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(os)) {
                for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                    ZipEntry e = en.nextElement();
                    byte[] data;
                    try (InputStream in = zip.getInputStream(e)) { data = in.readAllBytes(); }
                    if (e.getName().endsWith(".class") && major(data) >= 0 && major(data) < JAVA_6) {
                        data = rewrite(data, loader);
                        count++;
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    out.write(data);
                    out.closeEntry();
                }
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
            return count;
        }
    }

    private static byte[] rewrite(byte[] data, ClassLoader loader) {
        ClassReader reader = new ClassReader(data);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM8, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
