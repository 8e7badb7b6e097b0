// IMS QTI 2.1 export as a content package (Canvas "QTI .zip file", Blackboard and other QTI 2.1 importers):
// one assessmentItem per question with a choiceInteraction, the key as the correct response scored by the
// standard match_correct template, each option's reason as modal feedback, and an imsmanifest.xml listing
// the items. The caller zips the files (zipStore) with the manifest at the root.
import { escapeXml, questionBodyHtml } from "./export-moodle-xml";
import type { Question } from "./question";
import { zipStore } from "./zip-store";

export type PackageFile = { readonly path: string; readonly text: string };

const QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1";
const QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd";

/** An XML name (NCName) for an option id: letters, digits, `-` and `_`, starting with a letter. */
function choiceId(optionId: string): string {
  return `choice_${optionId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function itemId(index: number): string {
  return `item_${String(index + 1).padStart(3, "0")}`;
}

function assessmentItem(q: Question, index: number): string {
  const multi = q.multiSelect === true;
  const choices = q.options.map(
    (option) =>
      `        <simpleChoice identifier="${choiceId(option.id)}">${escapeXml(option.text)}</simpleChoice>`,
  );
  const feedback = q.options.map(
    (option) =>
      `  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="${choiceId(option.id)}" showHide="show">` +
      `${escapeXml(q.explanation.perOption[option.id] ?? "")}</modalFeedback>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
    `  xsi:schemaLocation="${QTI_NS} ${QTI_XSD}"`,
    `  identifier="${itemId(index)}" title="${escapeXml(`Q${index + 1} ${q.id}`)}" adaptive="false" timeDependent="false">`,
    `  <responseDeclaration identifier="RESPONSE" cardinality="${multi ? "multiple" : "single"}" baseType="identifier">`,
    "    <correctResponse>",
    ...q.answer.map((id) => `      <value>${choiceId(id)}</value>`),
    "    </correctResponse>",
    "  </responseDeclaration>",
    '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">',
    "    <defaultValue><value>0</value></defaultValue>",
    "  </outcomeDeclaration>",
    `  <outcomeDeclaration identifier="FEEDBACK" cardinality="${multi ? "multiple" : "single"}" baseType="identifier"/>`,
    "  <itemBody>",
    `    <div>${questionBodyHtml(q)}</div>`,
    `    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="${multi ? 0 : 1}">`,
    ...choices,
    "    </choiceInteraction>",
    "  </itemBody>",
    '  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>',
    ...feedback,
    "</assessmentItem>",
    "",
  ].join("\n");
}

function manifest(questions: readonly Question[], title: string): string {
  const resources = questions.map((_, index) =>
    [
      `    <resource identifier="res_${itemId(index)}" type="imsqti_item_xmlv2p1" href="items/${itemId(index)}.xml">`,
      `      <file href="items/${itemId(index)}.xml"/>`,
      "    </resource>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="reachable_quiz"',
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">',
    "  <metadata>",
    "    <schema>QTIv2.1 Package</schema>",
    "    <schemaversion>1.0.0</schemaversion>",
    "  </metadata>",
    `  <organizations/>`,
    "  <resources>",
    ...resources,
    "  </resources>",
    `  <!-- ${escapeXml(title).replace(/--/g, "- -")} -->`,
    "</manifest>",
    "",
  ].join("\n");
}

/** The package's files: imsmanifest.xml first, then items/item_001.xml … */
export function renderQuizQtiFiles(questions: readonly Question[], title: string): PackageFile[] {
  return [
    { path: "imsmanifest.xml", text: manifest(questions, title) },
    ...questions.map((q, index) => ({ path: `items/${itemId(index)}.xml`, text: assessmentItem(q, index) })),
  ];
}

/** The package as a .zip (stored, not deflated: a few kB of XML). */
export function renderQuizQtiZip(questions: readonly Question[], title: string): Uint8Array {
  return zipStore(renderQuizQtiFiles(questions, title));
}
