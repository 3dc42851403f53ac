/** The entry: styles, the compiled scenario library, and the composition root. No Phaser here. */
import './ui/styles.css';
import { library, libraryText, loadBundle, loadTranslation, translations } from 'virtual:mandate-library';
import { startApp } from './app/start-app';

const root = document.getElementById('app');
if (root) void startApp({ root, library, loadBundle, translations, loadTranslation, libraryText });
