// Keeps the article text frozen while leaving the editor focusable, so the caret and Shift+arrow
// selection work for keyboard users (a non-editable ProseMirror has neither). Every change to the
// document is refused; typing, pasting, dropping and deleting do nothing.

import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

/** Whether the browser knows contenteditable="plaintext-only" (setting an unknown value throws). */
function plaintextOnlySupported(): boolean {
  try {
    const probe = document.createElement("div");
    probe.contentEditable = "plaintext-only";
    return probe.contentEditable === "plaintext-only";
  } catch {
    return false;
  }
}

export const ReadOnlyArticle = Extension.create({
  name: "readOnlyArticle",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
        // Editable as plain text rather than rich text: the caret and the selection behave the
        // same, but React, before every render while a rich-text editable element has focus, walks
        // all of it to measure the selection — with a long article's 150,000 highlight elements
        // that is 100 ms for each Shift+arrow or click on the toolbar. It leaves plaintext-only
        // elements alone. (ProseMirror sets contenteditable once and only changes it with `editable`.)
        view: (view) => {
          if (plaintextOnlySupported()) view.dom.contentEditable = "plaintext-only";
          return {};
        },
        props: {
          handleTextInput: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
          handleDOMEvents: {
            // Stops the browser from editing the DOM behind ProseMirror's back.
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
