import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './pos.css';
import './stock.css';
import { PosApp } from './pos-app';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><PosApp /></StrictMode>);
