package app.trustpulse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Finds the methods of a compiled class that compare a value with an anonymity threshold: a comparison (of ints, longs
 * or decimals) one of whose operands is worked out, within the same expression, from a threshold: a call of
 * {@code threshold()} or {@code minRespondents()}, a field so named, or a local variable or parameter so named. It
 * reads the bytecode, as the comparison is not visible to ArchUnit; an expression it cannot follow (a jump inside it,
 * say) is left alone, so it finds the plain comparisons the rule is about, not every conceivable one.
 */
final class ThresholdComparisons {

    private static final Set<String> NAMES = Set.of("threshold", "minRespondents", "minimumRespondents");

    private ThresholdComparisons() {}

    /** The names of the methods of the class file at {@code uri} that compare with a threshold. */
    static List<String> in(URI uri) {
        try (InputStream in = uri.toURL().openStream()) {
            List<String> found = new ArrayList<>();
            new ClassReader(in).accept(new Finder(found), 0);
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + uri, e);
        }
    }

    /** One instruction as far as the operand stack goes: values it takes, values it leaves, whether it reads one. */
    private record Insn(int pops, int pushes, boolean readsThreshold, int local, boolean compares) {
        static final Insn UNKNOWN = new Insn(-1, -1, false, -1, false);
    }

    private record Local(String name, Label start, Label end, int index) {}

    private static final class Finder extends ClassVisitor {

        private final List<String> found;

        Finder(List<String> found) {
            super(SpringAsmInfo.ASM_VERSION);
            this.found = found;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            return new Method(name, found);
        }
    }

    private static final class Method extends MethodVisitor {

        private final String name;
        private final List<String> found;
        private final List<Insn> insns = new ArrayList<>();
        private final Map<Label, Integer> labels = new HashMap<>();
        private final List<Local> locals = new ArrayList<>();

        Method(String name, List<String> found) {
            super(SpringAsmInfo.ASM_VERSION);
            this.name = name;
            this.found = found;
        }

        private void add(int pops, int pushes) {
            insns.add(new Insn(pops, pushes, false, -1, false));
        }

        @Override
        public void visitLabel(Label label) {
            labels.put(label, insns.size());
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.DCONST_1) {
                add(0, 1);
            } else if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
                add(2, 1);
            } else if (opcode >= Opcodes.IADD && opcode <= Opcodes.DREM
                    || opcode >= Opcodes.ISHL && opcode <= Opcodes.LXOR) {
                add(2, 1);
            } else if (opcode >= Opcodes.INEG && opcode <= Opcodes.DNEG
                    || opcode >= Opcodes.I2L && opcode <= Opcodes.I2S
                    || opcode == Opcodes.ARRAYLENGTH) {
                add(1, 1);
            } else if (opcode >= Opcodes.LCMP && opcode <= Opcodes.DCMPG) {
                insns.add(new Insn(2, 1, false, -1, true));
            } else {
                insns.add(Insn.UNKNOWN);
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH) {
                add(0, 1);
            } else {
                insns.add(Insn.UNKNOWN);
            }
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            if (opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD) {
                insns.add(new Insn(0, 1, false, var, false));
            } else {
                insns.add(Insn.UNKNOWN);
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.CHECKCAST || opcode == Opcodes.INSTANCEOF) {
                add(1, 1);
            } else {
                insns.add(Insn.UNKNOWN);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
            boolean threshold = NAMES.contains(field);
            if (opcode == Opcodes.GETSTATIC) {
                insns.add(new Insn(0, 1, threshold, -1, false));
            } else if (opcode == Opcodes.GETFIELD) {
                insns.add(new Insn(1, 1, threshold, -1, false));
            } else {
                insns.add(Insn.UNKNOWN);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String descriptor, boolean isInterface) {
            Type type = Type.getMethodType(descriptor);
            int pops = type.getArgumentTypes().length + (opcode == Opcodes.INVOKESTATIC ? 0 : 1);
            int pushes = type.getReturnType() == Type.VOID_TYPE ? 0 : 1;
            boolean threshold = NAMES.contains(method) && type.getArgumentTypes().length == 0;
            insns.add(new Insn(pops, pushes, threshold, -1, false));
        }

        @Override
        public void visitInvokeDynamicInsn(String n, String descriptor, Handle bootstrap, Object... arguments) {
            add(Type.getMethodType(descriptor).getArgumentTypes().length, 1);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ICMPLE) {
                insns.add(new Insn(2, 0, false, -1, true));
            } else {
                insns.add(Insn.UNKNOWN);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            add(0, 1);
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            insns.add(Insn.UNKNOWN);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
            insns.add(Insn.UNKNOWN);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
            insns.add(Insn.UNKNOWN);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dims) {
            insns.add(Insn.UNKNOWN);
        }

        @Override
        public void visitLocalVariable(
                String local, String descriptor, String signature, Label start, Label end, int index) {
            locals.add(new Local(local, start, end, index));
        }

        @Override
        public void visitEnd() {
            for (int k = 0; k < insns.size(); k++) {
                if (insns.get(k).compares() && operandsReadAThreshold(k)) {
                    found.add(name);
                    return;
                }
            }
        }

        /** Walks back over the instructions that worked out the compared values. */
        private boolean operandsReadAThreshold(int compare) {
            int needed = insns.get(compare).pops();
            for (int j = compare - 1; j >= 0 && needed > 0; j--) {
                Insn insn = insns.get(j);
                if (insn == Insn.UNKNOWN) {
                    return false;
                }
                if (insn.readsThreshold() || isThresholdLocal(insn.local(), j)) {
                    return true;
                }
                needed += insn.pops() - insn.pushes();
            }
            return false;
        }

        private boolean isThresholdLocal(int index, int at) {
            return index >= 0
                    && locals.stream()
                            .anyMatch(l -> l.index() == index
                                    && NAMES.contains(l.name())
                                    && labels.getOrDefault(l.start(), 0) <= at
                                    && at < labels.getOrDefault(l.end(), Integer.MAX_VALUE));
        }
    }
}
