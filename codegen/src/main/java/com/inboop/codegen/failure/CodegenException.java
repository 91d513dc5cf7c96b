package com.inboop.codegen.failure;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Root of the build helper's exceptions. Every message says what happened, where, and what to do about it, so the
 * build can print it as it is.
 */
public class CodegenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CodegenException(String message) {
        super(message);
    }

    public CodegenException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A file or folder that could not be read or written: {@code what} failed (it names the path and, where there is
     * one, what to do), followed by the system's reason in words.
     */
    public static CodegenException io(String what, IOException cause) {
        return new CodegenException(what + " (" + reason(cause) + ")", cause);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile() + "; check its owner and mode";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "already exists: " + exists.getFile();
        }
        if (e instanceof NotDirectoryException notDirectory) {
            return "not a folder: " + notDirectory.getFile();
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
