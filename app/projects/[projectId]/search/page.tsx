// A project's Search tab: the search of the page's query (?q&in&sort&label&status&speakerId&
// documentId&author&from&to), run on the server so that the first results come with the page.

import type { Metadata } from "next";
import { SearchView } from "@/components/search/SearchView";
import { searchApiParams, searchFormFromQuery } from "@/components/search/search-model";
import { loadProjectPage } from "@/lib/projects/project-page";
import { search, type SearchPage } from "@/lib/search/search";
import { listSpeakers } from "@/lib/speakers/speakers";
import { searchQuerySchema } from "@/lib/validation/schemas";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectId);
  const { q } = searchFormFromQuery(await searchParams);
  return { title: `${q ? `“${q}” · ` : ""}Search · ${project.name} · Sourcemark` };
}

export default async function ProjectSearchPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const { actor, project } = await loadProjectPage(projectId);
  const form = searchFormFromQuery(await searchParams);
  // The API's own rules: a bad date or an overlong query gets the API's message, not a 500.
  const parsed = searchQuerySchema.safeParse(searchApiParams(form));
  const error = parsed.success
    ? null
    : `The search could not be run: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}.`;
  const [page, speakers] = await Promise.all([
    parsed.success ? search(actor, project.id, parsed.data) : Promise.resolve<SearchPage | null>(null),
    listSpeakers(actor, project.id),
  ]);
  return (
    <SearchView
      projectId={project.id}
      form={form}
      initialPage={page}
      error={error}
      speakers={speakers.items.map((s) => ({ id: s.id, name: s.name }))}
    />
  );
}
