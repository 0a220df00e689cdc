import { describe, expect, it } from "vitest";
import {
  type Action,
  type Role,
  ROLES,
  can,
  canDeleteAnnotation,
  canDeleteComment,
  canEditAnnotation,
  canEditComment,
  isRole,
} from "./roles";

// The expected matrix, written out explicitly (API.md, Roles). Columns: owner, reviewer, annotator, viewer.
const MATRIX: Record<Action, [owner: boolean, reviewer: boolean, annotator: boolean, viewer: boolean]> = {
  "project.read": [true, true, true, true],
  "project.export": [true, true, true, true],
  "project.manage": [true, false, false, false],
  "member.manage": [true, false, false, false],
  "document.create": [true, true, true, false],
  "document.delete": [true, false, false, false],
  "speaker.create": [true, true, true, false],
  "speaker.update": [true, true, true, false],
  "annotation.create": [true, true, true, false],
  "annotation.editOwn": [true, true, true, false],
  "annotation.editAny": [true, true, false, false],
  "annotation.deleteOwn": [true, true, true, false],
  "annotation.deleteAny": [true, false, false, false],
  "annotation.review": [true, true, false, false],
  "annotation.readAll": [true, true, false, false],
  "assignment.manage": [true, false, false, false],
  "annotation.curate": [true, true, false, false],
  "comment.create": [true, true, true, false],
  "comment.deleteAny": [true, false, false, false],
};

const ROLE_ORDER: Role[] = ["owner", "reviewer", "annotator", "viewer"];

const CASES: [Role, Action, boolean][] = (Object.keys(MATRIX) as Action[]).flatMap((action) =>
  ROLE_ORDER.map((role, i): [Role, Action, boolean] => [role, action, MATRIX[action][i] as boolean]),
);

describe("can", () => {
  it("has exactly the four roles, in order", () => {
    expect([...ROLES]).toEqual(ROLE_ORDER);
  });

  it("covers 19 actions × 4 roles", () => {
    expect(CASES).toHaveLength(76);
  });

  it.each(CASES)("%s may %s: %s", (role, action, expected) => {
    expect(can(role, action)).toBe(expected);
  });

  it.each<[Role, Action[]]>([
    [
      "owner",
      [
        "project.read",
        "project.export",
        "project.manage",
        "member.manage",
        "document.create",
        "document.delete",
        "speaker.create",
        "speaker.update",
        "annotation.create",
        "annotation.editOwn",
        "annotation.editAny",
        "annotation.deleteOwn",
        "annotation.deleteAny",
        "annotation.review",
        "annotation.readAll",
        "assignment.manage",
        "annotation.curate",
        "comment.create",
        "comment.deleteAny",
      ],
    ],
    [
      "reviewer",
      [
        "project.read",
        "project.export",
        "document.create",
        "speaker.create",
        "speaker.update",
        "annotation.create",
        "annotation.editOwn",
        "annotation.editAny",
        "annotation.deleteOwn",
        "annotation.review",
        "annotation.readAll",
        "annotation.curate",
        "comment.create",
      ],
    ],
    [
      "annotator",
      [
        "project.read",
        "project.export",
        "document.create",
        "speaker.create",
        "speaker.update",
        "annotation.create",
        "annotation.editOwn",
        "annotation.deleteOwn",
        "comment.create",
      ],
    ],
    ["viewer", ["project.read", "project.export"]],
  ])("%s may do exactly the listed actions", (role, allowed) => {
    const actual = (Object.keys(MATRIX) as Action[]).filter((action) => can(role, action));
    expect(actual.sort()).toEqual([...allowed].sort());
  });
});

describe("canEditAnnotation / canDeleteAnnotation", () => {
  it.each<[Role, boolean, boolean, boolean]>([
    // [role, isAuthor, may edit, may delete]
    ["owner", true, true, true],
    ["owner", false, true, true],
    ["reviewer", true, true, true],
    ["reviewer", false, true, false], // reviewers edit anyone's work but delete only their own
    ["annotator", true, true, true],
    ["annotator", false, false, false],
    ["viewer", true, false, false], // a viewer who once authored (e.g. was demoted) still may not
    ["viewer", false, false, false],
  ])("%s, author=%s: edit %s, delete %s", (role, isAuthor, edit, del) => {
    expect(canEditAnnotation(role, isAuthor)).toBe(edit);
    expect(canDeleteAnnotation(role, isAuthor)).toBe(del);
  });
});

describe("canEditComment / canDeleteComment", () => {
  it.each<[Role, boolean, boolean, boolean]>([
    // [role, isAuthor, may edit, may delete]
    ["owner", true, true, true],
    ["owner", false, false, true], // owners remove anyone's comment but do not put words in their mouth
    ["reviewer", true, true, true],
    ["reviewer", false, false, false],
    ["annotator", true, true, true],
    ["annotator", false, false, false],
    ["viewer", true, false, false], // demoted to viewer: the thread is read-only for them now
    ["viewer", false, false, false],
  ])("%s, author=%s: edit %s, delete %s", (role, isAuthor, edit, del) => {
    expect(canEditComment(role, isAuthor)).toBe(edit);
    expect(canDeleteComment(role, isAuthor)).toBe(del);
  });
});

describe("isRole", () => {
  it.each<[string, boolean]>([
    ["owner", true],
    ["reviewer", true],
    ["annotator", true],
    ["viewer", true],
    ["Owner", false],
    ["OWNER", false],
    [" owner", false],
    ["owner ", false],
    ["admin", false],
    ["editor", false],
    ["", false],
    ["toString", false],
    ["constructor", false],
    ["__proto__", false],
  ])("isRole(%j) is %s", (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });
});
