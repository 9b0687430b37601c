import { Project, ts } from 'ts-morph';
const file = process.argv[2]!;
const project = new Project({ tsConfigFilePath: '/work/main/tsconfig.json', skipAddingFilesFromTsConfig: true, compilerOptions: { skipLibCheck: true } });
project.addSourceFileAtPath(file);
const program = project.getProgram().compilerObject;
const checker = program.getTypeChecker();
const sf = program.getSourceFile(file)!;
const str = (t: ts.Type) => checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation);
const visit = (node: ts.Node) => {
  ts.forEachChild(node, visit);
  if (ts.isCallExpression(node)) {
    const sig = checker.getResolvedSignature(node);
    const decl = sig?.getDeclaration();
    const ret = checker.getTypeAtLocation(node);
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const name = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : node.expression.getText();
    console.log(line, name, '| decl', decl?.getSourceFile().fileName.replace('/work/main/', ''), '| ret', str(ret).slice(0, 80));
    for (const a of node.arguments) console.log('   arg', str(checker.getTypeAtLocation(a)).slice(0, 300));
    const ta = (sig as any)?.mapper; 
    if (sig) { const params = sig.getParameters(); for (const p of params) console.log('   param', p.name, str(checker.getTypeOfSymbolAtLocation(p, node)).slice(0, 200)); }
  }
};
visit(sf);
