'use strict';
// Starts "iamlint lsp" for the Terraform, CloudFormation, SAM, Serverless and CDK files of the
// workspace: the server publishes diagnostics from the unsaved text, hovers show a rule's summary
// and fix, and code actions offer the certain quick fixes.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration('iamlint');
  const command = config.get('path', 'iamlint');
  const args = ['lsp', ...config.get('args', [])];
  const serverOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args: [...args, '--debug'], transport: TransportKind.stdio },
  };
  const clientOptions = {
    // YAML and JSON files that are not templates give no findings; the server tells them apart by content.
    documentSelector: [
      { scheme: 'file', language: 'terraform' },
      { scheme: 'file', language: 'terraform-vars' },
      { scheme: 'file', pattern: '**/*.{tf,tofu,tfvars}' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
    ],
    synchronize: {
      // A file changed on disk (a checkout, a saved config) changes the findings of its project.
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{*.tf,*.tofu,*.tfvars,*.tf.json,*.tfvars.json,*.yaml,*.yml,*.json,*.template,.iamlint.yaml}'),
    },
  };
  client = new LanguageClient('iamlint', 'iamlint', serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('iamlint.restart', () => client.restart()));
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
