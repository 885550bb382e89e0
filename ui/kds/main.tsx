import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './kds.css';
import { KdsApp } from './kds-app';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><KdsApp /></StrictMode>);
