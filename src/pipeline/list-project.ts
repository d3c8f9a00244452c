import type { VFile } from 'vfile';
import { loadProject } from '../project/load-project.js';
import { type Coverage, projectCoverage } from './coverage.js';

export interface ProjectListing {
  title: string;
  defaultCity: string;
  languages: string[];
  fallback: string[];
  blueprints: { id: string; title: string; sections: number; slots: { id: string; title: string; cities: string[] }[] }[];
  cities: { id: string; name: string; government: string; office: string; caseStudies: string[] }[];
}

/**
 * What the project holds: blueprints, their slots and which cities fill each, and the cities; with
 * `coverage`, also the blueprint × city matrix of what each edition fills itself (#11).
 */
export async function listProject(options: { root: string; coverage?: boolean }): Promise<{ listing?: ProjectListing; coverage?: Coverage; files: VFile[] }> {
  const { project, files } = await loadProject(options.root);
  if (!project) return { files };
  const listing: ProjectListing = {
    title: project.config.title,
    defaultCity: project.config.default_city,
    languages: project.config.languages,
    fallback: project.config.fallback,
    blueprints: project.blueprints.map((b) => ({
      id: b.id,
      title: b.config.title,
      sections: b.sections.length,
      slots: b.config.slots.map((s) => ({
        id: s.id,
        title: s.title,
        cities: project.caseStudies
          .filter((c) => c.slot === s.id)
          .map((c) => c.city)
          .sort(),
      })),
    })),
    cities: [...project.cities.values()].map((c) => ({
      id: c.id,
      name: c.config.name,
      government: c.config.government,
      office: c.config.office,
      caseStudies: project.caseStudies
        .filter((s) => s.city === c.id)
        .map((s) => s.slot)
        .sort(),
    })),
  };
  return { listing, ...(options.coverage ? { coverage: projectCoverage(project) } : {}), files };
}
