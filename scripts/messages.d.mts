import type ts from 'typescript';

export interface FoundMessage {
  id: string | undefined;
  call: ts.CallExpression;
  options: ts.ObjectLiteralExpression | undefined;
  where: string;
}
export declare const isMsgCall: (node: ts.Node) => boolean;
export declare function optionOf(
  options: ts.ObjectLiteralExpression,
  name: string,
): { value: string; property: ts.PropertyAssignment } | undefined;
export declare function findMessages(
  code: string,
  fileName: string,
): { file: ts.SourceFile; messages: FoundMessage[]; strays: string[] };
