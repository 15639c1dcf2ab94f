/* Builds the task pane into dist/. Development serves https://localhost:3000 (office-addin-dev-certs);
   production rewrites the manifest's localhost URLs to AGORA_URL_PRODUCTION. */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const URL_DEV = 'https://localhost:3000/';
const URL_PRODUCTION = process.env.AGORA_URL_PRODUCTION || 'https://agora.example.invalid/';

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: { taskpane: './src/taskpane/taskpane.ts', commands: './src/commands/commands.ts' },
    output: { path: path.resolve(__dirname, 'dist'), clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      // ES modules for webpack: import() then splits exceljs into a chunk loaded only when a file is written
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.json', onlyCompileBundledFiles: true, compilerOptions: { module: 'es2020' } } } }],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'aide.html', template: './src/taskpane/aide.html', chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: '[name][ext]' },
          { from: 'manifest.xml', to: '[name][ext]', transform: (c) => (dev ? c : c.toString().replaceAll(URL_DEV, URL_PRODUCTION)) },
        ],
      }),
    ],
    // the budgets (initial JavaScript gzipped, exceljs only in its lazy chunk) are measured by `npm run bench`
    performance: { hints: false },
    devServer: { port: 3000, headers: { 'Access-Control-Allow-Origin': '*' } },
  };
  if (dev && options.env && options.env.WEBPACK_SERVE) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
