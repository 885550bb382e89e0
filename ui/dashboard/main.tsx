import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './dashboard.css';
import { DashboardApp } from './dashboard-app';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><DashboardApp /></StrictMode>);
