package com.inboop.codegen.guard.rule;

/**
 * Which of the guard's two layers finds a rule's violations: the static one reads the files (names, the lock file,
 * the statements as the lexer sees them); the semantic one applies each migration to a throwaway Postgres and compares
 * the catalog before and after. A few rules are found by both (a dropped view: written plainly, the lexer sees it; in
 * a DO block, only the catalog does).
 */
public enum Layer {

    STATIC(true, false),
    SEMANTIC(false, true),
    BOTH(true, true);

    private final boolean staticLayer;
    private final boolean semanticLayer;

    Layer(boolean staticLayer, boolean semanticLayer) {
        this.staticLayer = staticLayer;
        this.semanticLayer = semanticLayer;
    }

    /** Whether the static layer reports this rule. */
    public boolean isStatic() {
        return staticLayer;
    }

    /** Whether the semantic layer reports this rule. */
    public boolean isSemantic() {
        return semanticLayer;
    }
}
