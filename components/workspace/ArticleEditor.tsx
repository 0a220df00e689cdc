"use client";
// The article, rendered read-only by Tiptap: one paragraph per line of the document text, the
// highlights drawn as decorations from the source it is given (which it follows by itself).
// Reports text selections (as code point spans) and clicks on highlights (annotations' and
// suggestions').

import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import type { Editor, JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, type UseEditorOptions } from "@tiptap/react";
import { memo, useLayoutEffect, useRef, useState } from "react";
import type { EditorTextMap } from "@/lib/text/editor-map";
import type { TextPosition } from "@/lib/text/quote-selector";
import { AnnotationHighlights, type HighlightSource } from "./annotation-highlights";
import { ReadOnlyArticle } from "./read-only-article";

export interface SelectionInfo {
  span: TextPosition;
  /** Where to put the toolbar: the selection's end, relative to the article container. */
  anchor: { top: number; left: number };
}

export interface ArticleEditorProps {
  map: EditorTextMap;
  highlights: HighlightSource;
  container: React.RefObject<HTMLElement | null>;
  onReady: (editor: Editor) => void;
  onSelection: (selection: SelectionInfo | null) => void;
  onHighlightClick: (id: string) => void;
}

/**
 * The editor's current selection as a code point span with the toolbar's anchor, or null when
 * nothing but whitespace is selected. Read from the editor itself, so it is never a render behind.
 */
export function readSelection(editor: Editor, map: EditorTextMap, container: HTMLElement | null): SelectionInfo | null {
  const { from, to, empty } = editor.state.selection;
  const span = empty ? null : map.spanFromSelection(from, to);
  const box = container?.getBoundingClientRect();
  if (!span || !box) return null;
  const end = editor.view.coordsAtPos(map.toEditorPos(span.end));
  return { span, anchor: { top: end.bottom - box.top + 6, left: Math.max(0, end.left - box.left) } };
}

function documentContent(lines: string[]): JSONContent {
  return {
    type: "doc",
    content: lines.map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  };
}

function ArticleEditorImpl({ map, highlights, container, onReady, onSelection, onHighlightClick }: ArticleEditorProps) {
  // Handlers change identity with the workspace's state; the editor is created once, with options
  // that never change (useEditor compares them on every render and reapplies them when they differ).
  const handlers = useRef({ onSelection, onHighlightClick, onReady });
  useLayoutEffect(() => {
    handlers.current = { onSelection, onHighlightClick, onReady };
  });

  const [options] = useState<UseEditorOptions & { immediatelyRender: false }>(() => ({
    extensions: [Document, Paragraph, Text, ReadOnlyArticle, AnnotationHighlights.configure({ source: highlights })],
    content: documentContent(map.lines),
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    enableInputRules: false,
    enablePasteRules: false,
    editorProps: {
      attributes: {
        class: "article-text",
        role: "textbox",
        "aria-label": "Article text",
        "aria-readonly": "true",
        "aria-multiline": "true",
        spellcheck: "false",
        autocorrect: "off",
        autocapitalize: "off",
        inputmode: "none",
        translate: "no",
      },
      // Called only for clicks, not drags (ProseMirror lets the browser handle those).
      handleClick(_view, _pos, event) {
        const target = (event.target as HTMLElement | null)?.closest?.("[data-annotation-id], [data-suggestion-id]");
        const id = target?.getAttribute("data-annotation-id") ?? target?.getAttribute("data-suggestion-id");
        if (!id) return false;
        handlers.current.onHighlightClick(id);
        return false;
      },
    },
    onCreate: ({ editor }) => handlers.current.onReady(editor),
    onSelectionUpdate: ({ editor }) => handlers.current.onSelection(readSelection(editor, map, container.current)),
  }));
  const editor = useEditor(options);

  return <EditorContent editor={editor} />;
}

export const ArticleEditor = memo(ArticleEditorImpl);
