/**
 * The workbench's second file (loaded by lazy-sheets.tsx after the first list is drawn): what a tap opens — the visit,
 * log and task sheets and the round chooser, with the antd components only they use (Drawer, Input, Radio, Checkbox,
 * Select), kept out of the phone script that draws the first list (docs/decisions/phone-entry.md).
 */
export { LogSheet } from './log-sheet.tsx';
export { RoundChooser } from './round-chooser.tsx';
export { TaskSheet } from './task-sheet.tsx';
export { VisitSheet } from './visit-sheet.tsx';
