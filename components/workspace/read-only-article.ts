// Keeps the article text frozen while leaving the editor focusable, so the caret and Shift+arrow
// selection work for keyboard users (a non-editable ProseMirror has neither). Every change to the
// document is refused; typing, pasting, dropping and deleting do nothing.

import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

export const ReadOnlyArticle = Extension.create({
  name: "readOnlyArticle",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
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
