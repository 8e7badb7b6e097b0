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
import { fieldsAt, keysAt, locateField } from "@/lib/lab/editor-support";
import type { TopologyFormat } from "@/lib/lab/topology-text";

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

/** `subnets[1].cidrBlock: message` -> a diagnostic at that field; a syntax error at its line and column. */
export function diagnosticsFor(text: string, errors: readonly string[]): Diagnostic[] {
  return errors.map((error) => {
    const field = /^([\w.[\]]+): (.*)$/.exec(error);
    const located = field?.[1] ? locateField(text, field[1]) : undefined;
    if (located) return { ...located, severity: "error", message: error };
    const at = /line (\d+), column (\d+)/.exec(error);
    let from = 0;
    if (at) {
      const lines = text.split("\n").slice(0, Number(at[1]) - 1);
      from = Math.min(text.length, lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(at[2]) - 1);
    }
    return { from, to: Math.min(text.length, from + 1), severity: "error", message: error };
  });
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
    // For tests and tools: the whole text (CodeMirror draws only the lines in view).
    Object.defineProperty(host.current, "labText", { get: () => created.state.doc.toString() });
    return () => {
      created.destroy();
      view.current = undefined;
    };
    // Created once; later props reach it through the effects below.
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current || current.state.doc.toString() === value) return;
    current.dispatch({
      changes: { from: 0, to: current.state.doc.length, insert: value },
      annotations: fromPage.of(true),
    });
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
