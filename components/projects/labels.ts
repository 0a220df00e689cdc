// Display names for roles and speaker kinds, in the order the forms offer them.

import { ROLES, type Role } from "@/lib/auth/roles";
import type { SpeakerView } from "@/lib/speakers/speakers";

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: "Owner",
  reviewer: "Reviewer",
  annotator: "Annotator",
  viewer: "Viewer",
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export const SPEAKER_KIND_LABELS: Readonly<Record<SpeakerView["kind"], string>> = {
  person: "Person",
  organization: "Organization",
};
