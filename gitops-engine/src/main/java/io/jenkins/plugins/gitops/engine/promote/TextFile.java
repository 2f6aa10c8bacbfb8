package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A repository text file as promotion edits it: UTF-8 text without the byte-order mark (kept aside
 * and written back), and the line ending the file uses ({@code \r\n} when it has any, else {@code \n}).
 */
record TextFile(String path, String text, boolean bom) {
    private static final String BOM = "\uFEFF";

    static TextFile of(String path, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(path + ": not UTF-8 text; promotion edits only UTF-8 files");
        }
        boolean bom = text.startsWith(BOM);
        return new TextFile(path, bom ? text.substring(1) : text, bom);
    }

    /** A file that does not exist yet. */
    static TextFile absent(String path) {
        return new TextFile(path, "", false);
    }

    String newline() {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    byte[] withText(String newText) {
        return ((bom ? BOM : "") + newText).getBytes(StandardCharsets.UTF_8);
    }
}
