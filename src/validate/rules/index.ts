import type { LoadContext } from '../../project/load-context.js';
import { blueprintList } from './blueprint-list.js';
import { caseStudyCity } from './case-study-city.js';
import { caseStudySlot } from './case-study-slot.js';
import { duplicateCaseStudy } from './duplicate-case-study.js';
import { duplicateSlot } from './duplicate-slot.js';
import { emptySlot } from './empty-slot.js';
import { interfaceWords } from './interface-words.js';
import { missingPart } from './missing-part.js';
import { outputPattern } from './output-pattern.js';
import { profilePlaceholder } from './profile-placeholder.js';
import { projectCities } from './project-cities.js';
import { themeReferences } from './theme-references.js';
import { translationFiles } from './translation-files.js';

/** A cross-reference rule: reads what was loaded and reports what does not fit together (#8). */
export type Rule = (ctx: LoadContext) => void;

/** Every rule, run in this order after each file passed its own schema. */
export const crossReferenceRules: Rule[] = [
  projectCities,
  interfaceWords,
  themeReferences,
  outputPattern,
  blueprintList,
  missingPart,
  duplicateSlot,
  caseStudyCity,
  caseStudySlot,
  duplicateCaseStudy,
  emptySlot,
  translationFiles,
  profilePlaceholder,
];
