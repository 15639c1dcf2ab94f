/* Builds the task pane into dist/. Development serves https://localhost:3000 (office-addin-dev-certs);
   production rewrites the manifest's localhost URLs to AGORA_URL_PRODUCTION, which it requires
   (`--env local` keeps localhost: the tests' and the bench's own builds). */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const URL_DEV = 'https://localhost:3000/';

/** An error webpack-cli prints as its message alone, without a stack a teacher need not read. */
function erreur(message) {
  const e = new Error(message);
  e.stack = `Erreur : ${message}`;
  return e;
}

/** Where the add-in will be served from: a production manifest never points at a made-up address. */
function urlDeProduction(env) {
  if (env && env.local) return URL_DEV;
  const url = process.env.AGORA_URL_PRODUCTION;
  if (!url)
    throw erreur(
      "Indiquez l'adresse HTTPS où le lycée publiera le complément, par exemple :\n  AGORA_URL_PRODUCTION=https://serveur.lycee.fr/agora/ npm run build\n" +
        'Pour essayer le complément sur ce poste : npm run dev-server (voir le README, « Installer le complément »).',
    );
  if (!/^https:\/\/[^/\s]+\/(\S*\/)?$/.test(url)) throw erreur(`AGORA_URL_PRODUCTION doit être une adresse https:// qui finit par « / » (Office n'accepte que HTTPS) : « ${url} ».`);
  return url;
}

/** The dev server's certificate: office-addin-dev-certs's, trusted by Office once installed; otherwise webpack's own, with a French word on what follows. */
async function certificat() {
  try {
    return { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() };
  } catch (e) {
    console.warn(
      `\nAttention : le certificat de développement n'a pas pu être installé (${e.message}).\n` +
        'Le serveur démarre avec un certificat provisoire : ouvrez https://localhost:3000/taskpane.html dans le navigateur et acceptez-le,\n' +
        'ou installez le certificat en administrateur (npx office-addin-dev-certs install), puis relancez. Excel pour Windows ou Mac refuse un certificat non installé.\n',
    );
    return 'https';
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const urlProduction = dev ? URL_DEV : urlDeProduction(env);
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
          { from: 'manifest.xml', to: '[name][ext]', transform: (c) => (dev ? c : c.toString().replaceAll(URL_DEV, urlProduction)) },
        ],
      }),
    ],
    // the budgets (initial JavaScript gzipped, exceljs only in its lazy chunk) are measured by `npm run bench`
    performance: { hints: false },
    devServer: { port: 3000, headers: { 'Access-Control-Allow-Origin': '*' } },
  };
  if (dev && env && env.WEBPACK_SERVE) config.devServer.server = await certificat();
  return config;
};
