"use client";
// The lab's code editor: CodeMirror 6 with YAML or JSON, completion of the fields the topology schema accepts
// where the cursor is, and the parse errors of the last checked text underlined at the field they name.
// The text is owned by the page (forms, fixes and undo replace it); typing reports each change up.
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Annotation, Compartment, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";
import { errorRange, fieldsAt, keysAt } from "@/lib/lab/editor-support";
import type { TopologyFormat } from "@/lib/lab/topology-text";
import { textChange } from "@/lib/lab/text-change";

/** Marks the page's own replacements of the text, which are not the learner typing. */
const fromPage = Annotation.define<boolean>();

function completeFields(format: () => TopologyFormat) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(format() === "json" ? /"?[A-Za-z_]*/ : /[A-Za-z_]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const text = context.state.doc.toString();
    const fields = fieldsAt(keysAt(text, word.from, format()));
    if (fields.length === 0) return null;
    const quoted = format() === "json";
    return {
      from: word.from,
      options: fields.map((field) => ({
        label: quoted ? `"${field.name}"` : field.name,
        apply: quoted ? `"${field.name}": ` : `${field.name}: `,
        type: "property",
        detail: `${field.required ? "required" : "optional"}${field.list ? ", a list" : ""}`,
        boost: field.required ? 1 : 0,
      })),
      validFor: quoted ? /^"?\w*$/ : /^\w*$/,
    };
  };
}

/** Each field-named error as a diagnostic where it points. */
function diagnosticsFor(text: string, errors: readonly string[]): Diagnostic[] {
  return errors.map((error) => ({ ...errorRange(text, error), severity: "error", message: error }));
}

export function LabCodeEditor({
  value,
  format,
  onChange,
  errors,
  errorsText,
  labelId,
  describedBy,
}: {
  value: string;
  format: TopologyFormat;
  onChange: (text: string) => void;
  /** Field-named parse errors of `errorsText`, `; `-separated (shown while the editor holds that text). */
  errors: string | undefined;
  errorsText: string | undefined;
  labelId: string;
  describedBy: string | undefined;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const language = useRef(new Compartment());
  const aria = useRef(new Compartment());
  const formatNow = useRef(format);
  const report = useRef(onChange);
  formatNow.current = format;
  report.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          language.current.of(format === "json" ? json() : yaml()),
          aria.current.of(EditorView.contentAttributes.of({ "aria-labelledby": labelId })),
          autocompletion({ override: [completeFields(() => formatNow.current)] }),
          lintGutter(),
          EditorView.lineWrapping,
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromPage)))
              report.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    // The scroller is a scrollable region: keyboard users reach it (axe scrollable-region-focusable).
    created.scrollDOM.tabIndex = 0;
    // For tests and tools: the whole text (CodeMirror draws only the lines in view).
    // Configurable: React's development double-run of this effect defines it again on the same element.
    Object.defineProperty(host.current, "labText", {
      get: () => created.state.doc.toString(),
      configurable: true,
    });
    return () => {
      created.destroy();
      view.current = undefined;
    };
    // Created once; later props reach it through the effects below.
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const change = textChange(current.state.doc.toString(), value);
    if (!change) return;
    current.dispatch({ changes: change, annotations: fromPage.of(true) });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(format === "json" ? json() : yaml()) });
  }, [format]);

  useEffect(() => {
    view.current?.dispatch({
      effects: aria.current.reconfigure(
        EditorView.contentAttributes.of({
          "aria-labelledby": labelId,
          ...(describedBy ? { "aria-describedby": describedBy, "aria-invalid": "true" } : {}),
        }),
      ),
    });
  }, [labelId, describedBy]);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const text = current.state.doc.toString();
    const shown =
      errorsText !== undefined && errorsText === text ? diagnosticsFor(text, (errors ?? "").split("; ")) : [];
    current.dispatch(setDiagnostics(current.state, shown));
  }, [errors, errorsText, value]);

  return <div ref={host} className="lab-editor" data-testid="lab-text" data-format={format} />;
}
